namespace Measure.Imports.Tests;

public class ProjectTests
{
    [Fact]
    public void ImportsAssembly_ReferencesNoMeasureProjectButContracts()
    {
        var imports = System.Reflection.Assembly.Load("Measure.Imports").GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Measure.", StringComparison.Ordinal)).ToList();

        Assert.All(imports, name => Assert.Equal("Measure.Contracts", name));
    }
}
