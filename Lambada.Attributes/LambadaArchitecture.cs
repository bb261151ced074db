namespace Lambada;

/// <summary>The instruction set architecture a function runs on.</summary>
public enum LambadaArchitecture
{
    /// <summary>The project default (x86_64 unless <see cref="LambadaDefaultsAttribute"/> says otherwise).</summary>
    Default = 0,

    /// <summary>64-bit x86 (<c>x86_64</c>).</summary>
    X86_64 = 1,

    /// <summary>64-bit ARM, AWS Graviton (<c>arm64</c>).</summary>
    Arm64 = 2,
}
