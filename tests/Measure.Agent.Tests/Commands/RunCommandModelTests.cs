using Measure.Agent.Commands;
using Measure.Agent.Tests.Fakes;

namespace Measure.Agent.Tests.Commands;

/// <summary>`run SUITE --model` refuses bad model input before anything runs.</summary>
[Collection("Console")]
public sealed class RunCommandModelTests
{
    private const string LlmSuite = """
        suite: llm
        version: 1
        rules: {warmup_iterations: 0, iterations: 4, idle_s: 0}
        workloads:
          - kind: llm
            precisions: [q8_0]
            threads: [1]
            params: {prompt_tokens: 4, generated_tokens: 3, runs: 1, warmup_runs: 0, accuracy_prompts: 0}
        """;

    [Fact]
    public async Task Run_TruncatedModel_OneLineErrorNamingFileExit2()
    {
        using var temp = new TempStateDirectory();
        var suite = Path.Join(temp.State.Path, "llm.yaml");
        await File.WriteAllTextAsync(suite, LlmSuite);
        var model = Path.Join(temp.State.Path, "cut.gguf");
        var bytes = await File.ReadAllBytesAsync(GgufFixtures.TinyQ8);
        await File.WriteAllBytesAsync(model, bytes[..(bytes.Length - 100)]);

        var result = await ConsoleCapture.RunAgent("run", suite, "--model", model, "--json", "--no-probe", "--state-dir", temp.State.Path);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(model, line, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Run_ModelOnSuiteWithoutPreset_ReportNamesTheModelFile()
    {
        using var temp = new TempStateDirectory();
        var suite = Path.Join(temp.State.Path, "llm.yaml");
        await File.WriteAllTextAsync(suite, LlmSuite);

        var result = await ConsoleCapture.RunAgent("run", suite, "--model", GgufFixtures.TinyF16, "--json", "--no-probe", "--state-dir", temp.State.Path);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("\"model_file\": \"tiny-f16.gguf\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TextWithoutModel_Exit2()
    {
        using var temp = new TempStateDirectory();
        var suite = Path.Join(temp.State.Path, "llm.yaml");
        await File.WriteAllTextAsync(suite, LlmSuite);

        var result = await ConsoleCapture.RunAgent("run", suite, "--text", suite, "--json", "--no-probe", "--state-dir", temp.State.Path);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--text needs --model", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LlmSuiteWithoutPresetOrModel_ErrorNamesLineAndKey()
    {
        using var temp = new TempStateDirectory();
        var suite = Path.Join(temp.State.Path, "llm.yaml");
        await File.WriteAllTextAsync(suite, LlmSuite);

        var result = await ConsoleCapture.RunAgent("run", suite, "--json", "--no-probe", "--state-dir", temp.State.Path);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("llm.yaml:5: 'params.preset'", result.Error, StringComparison.Ordinal);
    }
}
