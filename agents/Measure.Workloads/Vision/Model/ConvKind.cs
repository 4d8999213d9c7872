namespace Measure.Workloads.Vision.Model;

/// <summary>The convolution shapes the MobileNet family is made of.</summary>
public enum ConvKind
{
    /// <summary>Dense 3x3 (padding 1): weights [out, 3, 3, in] (OHWI).</summary>
    Dense3x3,

    /// <summary>1x1 (also the classifier on a 1x1 pooled image): weights [out, in].</summary>
    Pointwise,

    /// <summary>Depthwise 3x3 (padding 1), one filter per channel: weights [3, 3, channels] (HWC).</summary>
    Depthwise3x3,
}
