using System.Runtime.InteropServices;

namespace BuildEngine;

/// <summary>
/// The signals that ask a run to stop: SIGINT (Ctrl-C), SIGTERM and SIGHUP. The first cancels the run's token and keeps
/// the process alive so it can stop cleanly; a second lets the signal end the process.
/// </summary>
public static class StopSignals
{
    public static readonly PosixSignal[] Handled = [PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP];

    public static IDisposable Register(CancellationTokenSource cancellation)
    {
        var registrations = Handled.Select(signal => PosixSignalRegistration.Create(signal, context => OnSignal(context, cancellation))).ToList();
        return new Registrations(registrations);
    }

    /// <summary>First signal: cancel and keep running (the run stops at its next safe point); later ones: the default action.</summary>
    public static void OnSignal(PosixSignalContext context, CancellationTokenSource cancellation)
    {
        context.Cancel = !cancellation.IsCancellationRequested;
        cancellation.Cancel();
    }

    private sealed class Registrations(IReadOnlyList<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations) registration.Dispose();
        }
    }
}
