namespace Ktrdr.Deploy.Verification;

/// <summary>A part of the system that an environment may leave out (Grafana, Jaeger): its plan, or why it is not checked.</summary>
public sealed record Component<T> where T : class
{
    private Component(T? plan, string? skipReason)
    {
        Plan = plan;
        SkipReason = skipReason;
    }

    /// <summary>The plan when the component is deployed; null when skipped.</summary>
    public T? Plan { get; }

    /// <summary>Why it is not checked (e.g. "not deployed in lab"); null when deployed.</summary>
    public string? SkipReason { get; }

    public static Component<T> Deployed(T plan) => new(plan, null);

    public static Component<T> Skipped(string reason) => new(null, reason);

    /// <summary>The usual reason: the environment's core node does not start it.</summary>
    public static Component<T> NotDeployedIn(string environment) => Skipped($"not deployed in {environment}");
}

/// <summary>Grafana: where it answers, the datasource uids the dashboards refer to, and the dashboards provisioned.</summary>
public sealed record GrafanaPlan(Uri Url, IReadOnlyList<string> DatasourceUids, IReadOnlyList<ExpectedDashboard> Dashboards, GrafanaLogin? Login = null);

public sealed record ExpectedDashboard(string Uid, string Title);

/// <summary>Grafana's admin login; /api/datasources and /api/search need it. The password is never printed.</summary>
public sealed record GrafanaLogin(string User, string Password)
{
    public override string ToString() => $"{User}:***";
}

/// <summary>Jaeger's query API and the service name the backend's traces carry.</summary>
public sealed record JaegerPlan(Uri Url, string Service = JaegerPlan.BackendService)
{
    public const string BackendService = "ktrdr-api";
}

/// <summary>Alerting: Alertmanager's URL and the rule groups Prometheus must have loaded.</summary>
public sealed record AlertingPlan(Uri Alertmanager, IReadOnlyList<string> RuleGroups);
