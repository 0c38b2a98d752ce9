using System.Text.Json.Nodes;
using Standin.Backend.Operations;
using Standin.Backend.Workers;

namespace Standin.Backend;

/// <summary>
/// GET /api/v1/openapi.json: an OpenAPI 3.1 document for the endpoints the stand-in serves, with the request and
/// response shapes of the contract (ktrdr-contract.md). Written here, small; not generated from the real application.
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/api/v1/openapi.json";

    public static string Render(string version) => new JsonObject
    {
        ["openapi"] = "3.1.0",
        ["info"] = new JsonObject { ["title"] = "KTRDR API", ["version"] = version },
        ["paths"] = new JsonObject
        {
            ["/api/v1/health"] = Get("Backend health (always ok; checks nothing)", Ref("HealthResponse")),
            ["/api/v1/workers/register"] = Post("Register or update a worker (idempotent per worker_id)", "WorkerRegistrationRequest", Ref("WorkerRecord")),
            ["/api/v1/workers"] = Get("Registered workers", new JsonObject { ["type"] = "array", ["items"] = Ref("WorkerRecord") },
                Query("worker_type", Enum(WorkerVocabulary.WorkerTypes)), Query("status", Str())),
            ["/api/v1/workers/{worker_id}"] = Get("One worker (404 when unknown)", Ref("WorkerRecord"), PathParameter("worker_id")),
            ["/api/v1/operations"] = Get("Operations", Ref("OperationList")),
            ["/api/v1/backtests/start"] = Post("Start a backtest", "BacktestStartRequest", Ref("BacktestStartResponse")),
            ["/api/v1/trainings/start"] = Post("Start a training", "TrainingStartRequest", Ref("TrainingStartResponse")),
        },
        ["components"] = new JsonObject { ["schemas"] = Schemas() },
    }.ToJsonString();

    private static JsonObject Schemas() => new()
    {
        ["HealthResponse"] = Obj(["status", "version"], ("status", Str()), ("version", Str()), ("orphan_detector", Nullable(new JsonObject { ["type"] = "object" }))),
        ["WorkerRegistrationRequest"] = Obj(["worker_id", "worker_type", "endpoint_url"],
            ("worker_id", Str()), ("worker_type", Enum(WorkerVocabulary.WorkerTypes)), ("endpoint_url", Str()),
            ("capabilities", new JsonObject { ["type"] = "object" }), ("current_operation_id", Nullable(Str())),
            ("completed_operations", new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } })),
        ["WorkerRecord"] = Obj(["worker_id", "worker_type", "endpoint_url", "status"],
            ("worker_id", Str()), ("worker_type", Enum(WorkerVocabulary.WorkerTypes)), ("endpoint_url", Str()),
            ("status", Enum(WorkerVocabulary.Statuses)), ("current_operation_id", Nullable(Str())),
            ("capabilities", new JsonObject { ["type"] = "object" }), ("last_health_check", Nullable(Str())),
            ("last_healthy_at", Nullable(Str())), ("health_check_failures", new JsonObject { ["type"] = "integer" }),
            ("metadata", new JsonObject { ["type"] = "object" })),
        ["Operation"] = Obj(["operation_id", "operation_type", "status"],
            ("operation_id", Str()), ("operation_type", Str()), ("status", Enum(OperationStatus.All))),
        ["OperationList"] = Obj(["success", "data", "total_count", "active_count"],
            ("success", new JsonObject { ["type"] = "boolean" }), ("data", new JsonObject { ["type"] = "array", ["items"] = Ref("Operation") }),
            ("total_count", new JsonObject { ["type"] = "integer" }), ("active_count", new JsonObject { ["type"] = "integer" })),
        ["BacktestStartRequest"] = Obj(["strategy_name", "start_date", "end_date"],
            ("strategy_name", Str()), ("symbol", Str()), ("timeframe", Str()), ("start_date", Str()), ("end_date", Str())),
        ["BacktestStartResponse"] = Obj(["operation_id"], ("success", new JsonObject { ["type"] = "boolean" }), ("operation_id", Str())),
        ["TrainingStartRequest"] = Obj(["strategy_name"], ("strategy_name", Str()), ("start_date", Str()), ("end_date", Str())),
        ["TrainingStartResponse"] = Obj(["task_id"], ("success", new JsonObject { ["type"] = "boolean" }), ("task_id", Str())),
    };

    private static JsonObject Get(string summary, JsonNode response, params JsonObject[] parameters) => new()
    {
        ["get"] = new JsonObject { ["summary"] = summary, ["parameters"] = new JsonArray([.. parameters]), ["responses"] = Ok(response) },
    };

    private static JsonObject Post(string summary, string request, JsonNode response) => new()
    {
        ["post"] = new JsonObject
        {
            ["summary"] = summary,
            ["requestBody"] = new JsonObject { ["required"] = true, ["content"] = Json(Ref(request)) },
            ["responses"] = Ok(response),
        },
    };

    private static JsonObject Ok(JsonNode schema) => new() { ["200"] = new JsonObject { ["description"] = "OK", ["content"] = Json(schema) } };

    private static JsonObject Json(JsonNode schema) => new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    private static JsonObject Query(string name, JsonNode schema) => new() { ["name"] = name, ["in"] = "query", ["required"] = false, ["schema"] = schema };

    private static JsonObject PathParameter(string name) => new() { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = Str() };

    private static JsonObject Ref(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    private static JsonObject Str() => new() { ["type"] = "string" };

    private static JsonObject Nullable(JsonObject schema) => new() { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };

    private static JsonObject Enum(IEnumerable<string> values) => new() { ["type"] = "string", ["enum"] = new JsonArray([.. values.Select(v => (JsonNode)v)]) };

    private static JsonObject Obj(string[] required, params (string Name, JsonNode Schema)[] properties) => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]),
        ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)p.Schema))),
    };
}
