namespace Ktrdr.Deploy.Remote.Tests.HostKeys;

/// <summary>Real public keys made with ssh-keygen, with the fingerprints `ssh-keygen -lf` printed for them.</summary>
internal static class SampleKeys
{
    public const string Ed25519 = "AAAAC3NzaC1lZDI1NTE5AAAAIPer9elxMN0+VPEiYjjeoCeQ9DinxXfWK//leLI4gu1f";
    public const string Ed25519Fingerprint = "SHA256:FOiSFWTWaxn4PUT7MCCBniH+Mv4aqcj44e7jr17k/Lg";

    public const string OtherEd25519 = "AAAAC3NzaC1lZDI1NTE5AAAAIEipsp4NX/lq8btTWZVkXu6kS964wSsRJOB8OSGz+NuG";
    public const string OtherEd25519Fingerprint = "SHA256:enVLA6O875954gVtKWcYOyE0C/CF7PsA8a6+Opokofs";

    public const string Rsa =
        "AAAAB3NzaC1yc2EAAAADAQABAAAAgQC6VAwUjq+Nh5aXQixCLIkBukEYEYQ2jgXzhjHGfcwQ1iwSIKAuiLDkD/C5OdbfoAXVU5LF/dNTr2WT87RHU9aIKUqJ" +
        "Bfbx89V3M/iqruWa+8qria8FvY8B+iA7ghXiSVUxThB5GyHti7bop49vKPLR7NhKAOxqC8yftNCu/XruRw==";
    public const string RsaFingerprint = "SHA256:cBh4i9V7hCNU5m2LAlq3q6S4HlY8B/mHigPKIR607Ho";

    /// <summary>`ssh-keygen -H` of "[127.0.0.1]:2222 ssh-ed25519 {Ed25519}".</summary>
    public const string HashedHost = "|1|vX4GGcI/WYU2TF1a01i2KZWusZ0=|+U/3mF0/RKn4E0WVpNlAJDuicME=";

    public static byte[] Blob(string base64) => Convert.FromBase64String(base64);
}
