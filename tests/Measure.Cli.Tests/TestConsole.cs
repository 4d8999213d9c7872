using Spectre.Console;

namespace Measure.Cli.Tests;

/// <summary>A plain-text console whose output tests can read.</summary>
internal sealed class TestConsole
{
    private readonly StringWriter writer = new();

    public TestConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        Console.Profile.Width = 240;
    }

    public IAnsiConsole Console { get; }

    public string Output => writer.ToString();
}
