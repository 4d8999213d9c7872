using System.CommandLine;
using Measure.Workloads.Gguf;
using Measure.Workloads.Llm;
using Measure.Workloads.Llm.Model;

namespace Measure.Agent.Commands;

/// <summary>
/// <c>measure-agent generate --model M.gguf --precision f32|f16|q8_0 -n N "PROMPT"</c>: the greedy
/// continuation of PROMPT as text, with the weights run in the given precision.
/// </summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var model = new Option<FileInfo>("--model") { Description = "GGUF model file", Required = true };
        var precision = new Option<string?>("--precision") { Description = "f32, f16 or q8_0 (default: as stored in the file)" };
        var count = new Option<int>("-n", "--tokens") { Description = "Tokens to generate (fewer if the model ends the text)", DefaultValueFactory = _ => 16 };
        var threads = new Option<int>("--threads") { Description = "Kernel threads", DefaultValueFactory = _ => 1 };
        var prompt = new Argument<string>("prompt") { Description = "Text to continue" };
        var command = new Command("generate", "Print a GGUF model's greedy continuation of a prompt") { model, precision, count, threads, prompt };
        command.SetAction(parse => Execute(parse.GetValue(model)!, parse.GetValue(precision), parse.GetValue(count), parse.GetValue(threads), parse.GetValue(prompt)!));
        return command;
    }

    private static int Execute(FileInfo model, string? precisionText, int count, int threads, string prompt)
    {
        if (count < 0)
            return AgentOptions.Fail(ExitCodes.BadInput, $"-n must not be negative, got {count}");
        if (threads < 1)
            return AgentOptions.Fail(ExitCodes.BadInput, $"--threads must be at least 1, got {threads}");
        try
        {
            var precision = precisionText is null ? StoredPrecision(model.FullName) : WeightPrecisions.Parse(precisionText);
            Console.WriteLine(LlmTools.Generate(model.FullName, precision, count, prompt, threads).Text);
            return ExitCodes.Ok;
        }
        catch (ModelFormatException ex)
        {
            return AgentOptions.Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (ArgumentException ex)
        {
            return AgentOptions.Fail(ExitCodes.BadInput, ex.Message);
        }
    }

    private static WeightPrecision StoredPrecision(string path)
    {
        using var loaded = LlamaModel.Load(path);
        return loaded.Precision;
    }
}
