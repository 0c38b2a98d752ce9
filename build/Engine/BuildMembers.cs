namespace BuildEngine;

/// <summary>Walks a build class hierarchy base-first, so inherited targets and parameters come first.</summary>
internal static class BuildMembers
{
    public static IEnumerable<Type> Hierarchy(Type type)
    {
        var chain = new Stack<Type>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
            chain.Push(current);
        return chain;
    }
}
