using System.Reflection;

namespace BuildEngine;

/// <summary>How a failure reads for a person: the message in full (it may list several problems), no stack trace.</summary>
public static class ErrorText
{
    /// <summary>The exception a target actually threw, without reflection/aggregate wrappers.</summary>
    public static Exception Unwrap(Exception exception) => exception switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => exception,
    };

    public static string Message(Exception exception)
    {
        var actual = Unwrap(exception);
        return string.IsNullOrWhiteSpace(actual.Message) ? actual.GetType().Name : actual.Message.TrimEnd();
    }

    public static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');

    /// <summary>
    /// True when the failure is an expected one, not a bug: a <see cref="BuildFailedException"/> or an exception of a
    /// type the build declared as written for a person (<see cref="NukeBuild.ExpectedFailures"/>); no stack trace then.
    /// </summary>
    public static bool IsExpected(Exception exception, IReadOnlyCollection<Type>? expected = null)
    {
        var actual = Unwrap(exception);
        return actual is BuildFailedException || (expected ?? []).Any(type => type.IsInstanceOfType(actual));
    }
}
