namespace Ktrdr.Deploy.Rollout;

/// <summary>A node could not be laid out or deployed; the message names the node, the step and what to do.</summary>
public sealed class RolloutException(string message, Exception? inner = null) : Exception(message, inner);
