using Measure.Agent.Running.Vision;
using Measure.Workloads.Vision.Detection;
using Measure.Workloads.Vision.Model;

namespace Measure.Agent.Tests.Running.Vision;

public sealed class VisionOperationsTests
{
    [Fact]
    public void PerImage_StandardMobileNetV2_AboutThePapersThreeHundredMillionMultiplyAdds()
    {
        var model = MobileNetModel.Seeded(MobileNetConfig.Standard(), VisionPrecision.F16);

        // Sandler et al. 2018, table 3: 300M multiply-adds at 224x224, width 1.0.
        Assert.InRange(VisionOperations.PerImage(model) / 2, 290e6, 320e6);
    }

    [Fact]
    public void PerImage_DetectorOnTinyBackbone_MoreThanItsBackboneWithoutClassifier()
    {
        var detector = MobileNetDetector.Seeded(MobileNetConfig.Tiny, new DetectorConfig(), VisionPrecision.F32);
        var classifier = MobileNetModel.Seeded(MobileNetConfig.Tiny, VisionPrecision.F32);
        var classifierHead = 2.0 * classifier.Classifier!.Spec.MacsPerPixel;

        Assert.True(VisionOperations.PerImage(detector) > VisionOperations.PerImage(classifier) - classifierHead);
    }
}
