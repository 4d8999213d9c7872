using BenchmarkDotNet.Running;
using Measure.Benchmarks;

// `--runner [--quick] [--isa avx2,...] [--threads 1,2]` prints the agent-style kernel benchmark (what
// `measure-agent kernels --json` reports; `--runner --cpu` adds CPU-time rates, see CpuTimedRunner;
// `--runner --read-ceiling` measures one thread's read rate under each kernel's work mix, see ReadCeilingRunner);
// anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--runner")
{
    return RunnerCommand.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(RunnerCommand).Assembly).Run(args);
return 0;
