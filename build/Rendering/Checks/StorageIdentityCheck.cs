using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>
/// KTRDR containers write the shared tree: they must run as the storage uid and carry its gid in group_add,
/// or writes fail with "permission denied" on NFS.
/// </summary>
internal sealed class StorageIdentityCheck : IRenderCheck
{
    public string Name => "shared storage identity";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        var storage = ctx.Env.Storage;
        var done = new HashSet<(string, string)>();
        foreach (var ns in NodeService.All(ctx))
        {
            if (!done.Add((ns.File.Path, ns.Service.Name))) continue;
            var svc = ns.Service;
            var uid = svc.User?.Split(':')[0];
            if (uid != storage.Uid.ToString())
                yield return DiagnosticAt.Compose(ns.File, svc.Position, $"services.{svc.Name}.user",
                    $"runs as user \"{svc.User ?? "(image default)"}\", expected uid {storage.Uid} (owner of {storage.Path})",
                    $"add user: \"{storage.Uid}:{storage.Uid}\"");
            if (!svc.GroupAdd.Contains(storage.Gid.ToString()))
                yield return DiagnosticAt.Compose(ns.File, svc.Position, $"services.{svc.Name}.group_add",
                    $"group_add does not include {storage.Gid}, the group of the shared tree",
                    $"add group_add: [\"{storage.Gid}\"]");
        }
    }
}
