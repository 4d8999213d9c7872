namespace Measure.Workloads.Vision.Model;

/// <summary>
/// One row of MobileNetV2's table: <see cref="Repeats"/> inverted residual blocks that expand by
/// <see cref="Expansion"/>, output <see cref="Channels"/> (before the width multiplier), the first with
/// <see cref="Stride"/>.
/// </summary>
public sealed record InvertedResidualStage(int Expansion, int Channels, int Repeats, int Stride);
