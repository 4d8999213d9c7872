using Measure.Kernels.Threading;
using Measure.Kernels.Vision;

namespace Measure.Workloads.Vision.Model;

/// <summary>
/// Runs a <see cref="MobileNetModel"/> on one image at a time with three reusable activation buffers
/// (block input, expanded, depthwise output), so the steady state allocates nothing. One session per
/// thread; the kernel context decides the threads and ISA.
/// </summary>
public sealed class MobileNetSession
{
    private float[] _current;
    private float[] _expanded;
    private float[] _filtered;
    private readonly float[] _pooled;

    public MobileNetSession(MobileNetModel model, KernelContext context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(context);
        Model = model;
        Context = context;
        _current = new float[model.ActivationCapacity];
        _expanded = new float[model.ActivationCapacity];
        _filtered = new float[model.ActivationCapacity];
        _pooled = new float[model.Head.Spec.OutChannels];
    }

    public MobileNetModel Model { get; }

    public KernelContext Context { get; }

    /// <summary>Class logits of one NHWC image (Resolution x Resolution x 3, already normalized).</summary>
    public float[] Classify(ReadOnlySpan<float> image)
    {
        var logits = new float[Model.Config.Classes];
        Classify(image, logits);
        return logits;
    }

    /// <summary>Class logits of one image into <paramref name="logits"/> (Classes values).</summary>
    public void Classify(ReadOnlySpan<float> image, Span<float> logits)
    {
        if (logits.Length != Model.Config.Classes)
        {
            throw new ArgumentException($"logits has {logits.Length} values but the model has {Model.Config.Classes} classes", nameof(logits));
        }

        var classifier = Model.Classifier ?? throw new InvalidOperationException($"{Model.Name} was built as a detector backbone and has no classifier");
        var features = RunBackbone(image, null, out var shape);
        Pooling.GlobalAverage(Context, shape, features, _pooled);
        classifier.Apply(Context, new ImageShape(1, 1, _pooled.Length), _pooled, logits);
    }

    /// <summary>
    /// Stem, every inverted residual block (each output shown to <paramref name="tap"/>) and the head;
    /// returns the head's feature map, valid until the next call.
    /// </summary>
    public ReadOnlySpan<float> RunBackbone(ReadOnlySpan<float> image, FeatureTap? tap, out ImageShape shape)
    {
        var input = Model.InputShape;
        if (image.Length != input.Length)
        {
            throw new ArgumentException(
                $"image has {image.Length} values but the model takes {input.Height} x {input.Width} x {input.Channels} = {input.Length} (NHWC)", nameof(image));
        }

        shape = Model.Stem.Apply(Context, input, image, _current);
        for (int i = 0; i < Model.Blocks.Count; i++)
        {
            shape = RunBlock(Model.Blocks[i], shape);
            tap?.Invoke(i, shape, _current.AsSpan(0, shape.Length));
        }

        var headShape = Model.Head.Apply(Context, shape, _current.AsSpan(0, shape.Length), _expanded);
        shape = headShape;
        return _expanded.AsSpan(0, headShape.Length);
    }

    // Leaves the block's output in _current.
    private ImageShape RunBlock(PreparedBlock block, ImageShape input)
    {
        var x = _current.AsSpan(0, input.Length);
        var hiddenShape = input;
        ReadOnlySpan<float> hidden = x;
        if (block.Expand is not null)
        {
            hiddenShape = block.Expand.Apply(Context, input, x, _expanded);
            hidden = _expanded.AsSpan(0, hiddenShape.Length);
        }

        var filteredShape = block.Depthwise.Apply(Context, hiddenShape, hidden, _filtered);
        var output = block.Project.Apply(Context, filteredShape, _filtered.AsSpan(0, filteredShape.Length), _expanded);
        var projected = _expanded.AsSpan(0, output.Length);
        if (block.Spec.HasResidual)
        {
            ElementWise.Add(Context, projected, x, projected);
        }

        (_current, _expanded) = (_expanded, _current);
        return output;
    }
}
