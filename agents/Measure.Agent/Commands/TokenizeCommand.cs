using System.CommandLine;
using Measure.Workloads.Gguf;
using Measure.Workloads.Llm;

namespace Measure.Agent.Commands;

/// <summary>
/// <c>measure-agent tokenize --model M.gguf "TEXT"</c>: the token ids of TEXT with the model's own
/// vocabulary (BOS first when its metadata asks), e.g. <c>[1, 15043, 3186]</c>: a lab's check that a
/// model loaded right before trusting its numbers.
/// </summary>
public static class TokenizeCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "GGUF model file", Required = true };
        var text = new Argument<string>("text") { Description = "Text to tokenize" };
        var command = new Command("tokenize", "Print the token ids of a text with a GGUF model's vocabulary") { model, text };
        command.SetAction(parse => Execute(parse.GetValue(model)!, parse.GetValue(text)!));
        return command;
    }

    private static int Execute(FileInfo model, string text)
    {
        try
        {
            Console.WriteLine(Format(LlmTools.Tokenize(model.FullName, text)));
            return ExitCodes.Ok;
        }
        catch (ModelFormatException ex)
        {
            return AgentOptions.Fail(ExitCodes.BadInput, ex.Message);
        }
    }

    /// <summary>The ids as llama.cpp's tools print them: <c>[1, 15043, 3186]</c>.</summary>
    public static string Format(IReadOnlyList<int> tokens) => $"[{string.Join(", ", tokens)}]";
}
