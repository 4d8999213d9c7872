using System.Runtime.InteropServices;
using Measure.Kernels.Formats;
using Measure.Workloads.Llm.Model;

namespace Measure.Workloads.Llm.Presets;

/// <summary>
/// Builds a preset's weights from a seed directly in the target precision: each row is generated in
/// FP32 scratch and written once as FP32, FP16 or Q8_0, so a 1B model never exists twice in memory.
/// Every row has its own generator (seed, matrix, row), which keeps parallel generation deterministic.
/// </summary>
public static class SeededLlama
{
    public static LlamaModel Create(LlamaPreset preset, WeightPrecision precision, ulong seed = 42)
    {
        ArgumentNullException.ThrowIfNull(preset);
        var p = preset.Parameters.Validate();
        int d = p.EmbeddingLength, kv = p.KvDimension, ff = p.FeedForwardLength;
        int index = 0;
        WeightMatrix Matrix(string name, int rows, int cols) => Generate(name, precision, rows, cols, seed, index++, 1f / MathF.Sqrt(cols) * MathF.Sqrt(3f));
        float[] Ones() => Enumerable.Repeat(1f, d).ToArray();

        // Embeddings are O(1) per element: RMSNorm rescales them, and a tied output needs logits of useful size.
        var embedding = Generate("token_embd.weight", precision, p.VocabularySize, d, seed, index++, 1f);
        var layers = new List<LlamaLayerWeights>(p.BlockCount);
        for (int i = 0; i < p.BlockCount; i++)
        {
            layers.Add(new LlamaLayerWeights(
                Ones(),
                Matrix($"blk.{i}.attn_q.weight", d, d),
                Matrix($"blk.{i}.attn_k.weight", kv, d),
                Matrix($"blk.{i}.attn_v.weight", kv, d),
                Matrix($"blk.{i}.attn_output.weight", d, d),
                Ones(),
                Matrix($"blk.{i}.ffn_gate.weight", ff, d),
                Matrix($"blk.{i}.ffn_up.weight", ff, d),
                Matrix($"blk.{i}.ffn_down.weight", d, ff)));
        }

        var output = preset.TiedEmbeddings ? embedding : Matrix("output.weight", p.VocabularySize, d);
        var weights = new LlamaWeights(p, embedding, layers, Ones(), output);
        return new LlamaModel(weights, tokenizer: null, $"{preset.Name}-seed{seed}");
    }

    private static WeightMatrix Generate(string name, WeightPrecision precision, int rows, int cols, ulong seed, int matrixIndex, float amplitude)
    {
        return WeightMatrix.Create(name, precision, rows, cols, destination =>
        {
            var rowBytes = (int)WeightPrecisions.MatrixBytes(precision, 1, cols);
            unsafe
            {
                fixed (byte* start = destination)
                {
                    var basePointer = (nint)start;
                    Parallel.For(0, rows, () => new float[cols], (row, _, scratch) =>
                    {
                        var random = new SeededRandom(SeededRandom.Mix(seed ^ SeededRandom.Mix(((ulong)matrixIndex << 32) | (uint)row)));
                        for (int c = 0; c < cols; c++)
                        {
                            scratch[c] = random.NextSigned() * amplitude;
                        }

                        var target = new Span<byte>((byte*)(basePointer + ((nint)row * rowBytes)), rowBytes);
                        switch (precision)
                        {
                            case WeightPrecision.F32:
                                MemoryMarshal.AsBytes(scratch.AsSpan()).CopyTo(target);
                                break;
                            case WeightPrecision.F16:
                                Fp16.Quantize(scratch, MemoryMarshal.Cast<byte, Half>(target));
                                break;
                            default:
                                Q8_0.Quantize(scratch, target);
                                break;
                        }

                        return scratch;
                    }, _ => { });
                }
            }
        });
    }
}
