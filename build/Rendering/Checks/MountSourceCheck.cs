using Ktrdr.Deploy.Topology;

namespace Ktrdr.Deploy.Rendering.Checks;

/// <summary>Every relative bind-mount source (./x, ../x) exists in the node's bundle; a missing one makes Docker create an empty directory.</summary>
internal sealed class MountSourceCheck : IRenderCheck
{
    public string Name => "mount sources";

    public IEnumerable<Diagnostic> Run(RenderContext ctx)
    {
        foreach (var bundle in ctx.Bundles)
        {
            var paths = bundle.Files.Select(f => f.Path).ToList();
            foreach (var file in ctx.Sources.ComposeFor(ctx.Env, bundle.Node))
            foreach (var svc in file.ActiveServices(bundle.Node.Profiles))
            foreach (var mount in svc.Volumes.Where(v => v.IsRelativeBind))
            {
                var rel = Path.GetRelativePath("/b", Path.GetFullPath(mount.Source, "/b")).Replace('\\', '/');
                var exists = paths.Any(p => p == rel || p.StartsWith(rel + "/", StringComparison.Ordinal));
                if (!exists)
                    yield return DiagnosticAt.Compose(file, mount.Position, $"services.{svc.Name}.volumes",
                        $"mount source \"{mount.Source}\" is not in the bundle for node {bundle.Node.Name}",
                        $"the bundle holds: {string.Join(", ", paths.Order())}; mount one of those or add the file to the render");
            }
        }
    }
}
