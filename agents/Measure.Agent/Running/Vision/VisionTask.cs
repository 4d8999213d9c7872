namespace Measure.Agent.Running.Vision;

/// <summary>What a vision workload does with each image.</summary>
public enum VisionTask
{
    /// <summary>MobileNetV2-style classifier: image to class logits.</summary>
    Classifier,

    /// <summary>SSDLite-style detector on the same backbone: image to decoded, suppressed boxes.</summary>
    Detector,
}
