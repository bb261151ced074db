using Microsoft.Build.Framework;

namespace Lambada.Build.Tasks;

/// <summary>
/// MSBuild adapter of <see cref="FunctionPackage"/>: zips the publish output into the package and writes its
/// CodeSha256 next to it, logging the files left out and Lambda's size limits as LMB diagnostics.
/// </summary>
public sealed class PackageFunctions : Microsoft.Build.Utilities.Task
{
    [Required] public string PublishDirectory { get; set; } = "";
    [Required] public string AssemblyName { get; set; } = "";
    [Required] public string PackagePath { get; set; } = "";
    public bool Bootstrap { get; set; }

    /// <summary>The <c>LambadaPackageInclude</c> items: paths inside the package shipped although they are on the never-shipped list.</summary>
    public string[] PackageInclude { get; set; } = [];

    /// <summary>Where the warnings about left-out files point: the project, where an include would go.</summary>
    public string? ProjectFile { get; set; }
    [Output] public string CodeSha256 { get; private set; } = "";

    public override bool Execute()
    {
        try
        {
            var outcome = FunctionPackage.Run(PublishDirectory, AssemblyName, Bootstrap, PackagePath, PackageInclude, ProjectFile);
            foreach (var diagnostic in outcome.Diagnostics)
                Log.LogDiagnostic(diagnostic);
            if (outcome.Package is { } package)
            {
                CodeSha256 = package.CodeSha256;
                Log.LogMessage(MessageImportance.High,
                    $"Lambada: {AssemblyName} -> {package.Path} ({package.Size:N0} bytes, {package.UnzippedSize:N0} unzipped, CodeSha256 {package.CodeSha256})");
            }
        }
        catch (Exception e)
        {
            Log.LogUnexpected(e);
        }
        return !Log.HasLoggedErrors;
    }
}
