using Ktrdr.Deploy.Topology;
using Ktrdr.Deploy.Topology.AppEnvironment;

namespace Topology.Tests;

/// <summary>deploy/app/ktrdr-env.tsv: the application's environment as data, and a clear error per bad row.</summary>
public class AppEnvCatalogTests
{
    private const string Header = "variable\tolder_name\tdefault\tread_by\tsource\tsecret\n";
    private const string Good = "# source: github.com/kpiteira/ktrdr at commit 0000000\n" + Header +
        "KTRDR_AUTH_JWT_SECRET\t\t\"insecure-dev-secret\"\tAuthSettings\tktrdr/config/settings.py:145\t32\n" +
        "KTRDR_DB_HOST\tDB_HOST\t\"localhost\"\tDatabaseSettings\tktrdr/config/settings.py:429\t\n" +
        "DB_HOST\t\t\tos.environ\tktrdr/api/startup.py:80\t\n";

    [Fact]
    public void The_carried_catalogue_names_the_commit_and_the_secrets_with_their_insecure_defaults()
    {
        var catalog = AppEnvCatalog.Current;
        Assert.Contains("2c5c7173", catalog.SourceReference);
        Assert.Equal(["KTRDR_AUTH_JWT_SECRET", "KTRDR_DB_PASSWORD"], catalog.Secrets.Select(s => s.Name).Order());
        Assert.Equal(["insecure-dev-secret", "localdev"], catalog.InsecureDefaults.Order());
        Assert.Equal(32, catalog.Read("KTRDR_AUTH_JWT_SECRET")!.SecretMinLength);
        Assert.Equal("KTRDR_OTEL_OTLP_ENDPOINT", catalog.ReplacedBy("OTLP_ENDPOINT")!.Name);
        Assert.Null(catalog.ReplacedBy("DB_HOST"));            // read directly too: not only an older name
        Assert.Null(catalog.Read("SHARED_MOUNT_PATH"));
        Assert.Null(catalog.Read("JWT_SECRET"));
    }

    [Theory]
    [InlineData("JWT_SECRET", "KTRDR_AUTH_JWT_SECRET")]
    [InlineData("KTRDR_DATA_MODEL_DIR", "KTRDR_DATA_MODELS_DIR")]
    public void The_nearest_real_name_is_suggested(string unread, string nearest) =>
        Assert.Equal(nearest, AppEnvCatalog.Current.Nearest(unread));

    [Fact]
    public void A_well_formed_file_parses_and_round_trips()
    {
        var problems = new List<Diagnostic>();
        var catalog = AppEnvCatalogFile.Parse("ktrdr-env.tsv", Good, problems);
        Assert.Empty(problems);
        Assert.Equal(3, catalog.Variables.Count);
        Assert.Equal("insecure-dev-secret", catalog.Read("KTRDR_AUTH_JWT_SECRET")!.InsecureDefault);
        Assert.Equal(Good, AppEnvCatalogFile.Write(["source: github.com/kpiteira/ktrdr at commit 0000000"], catalog.Variables));
    }

    public static TheoryData<string, string, int, string, string> BadInputs => new()
    {
        { "KTRDR_DB_HOST\tDB_HOST\t\"localhost\"\tDatabaseSettings", "KTRDR_DB_HOST\tDB_HOST\t\"localhost\"", 4, "row", "5 tab-separated cells, expected 6" },
        { "KTRDR_DB_HOST\tDB_HOST", "KTRDR DB HOST\tDB_HOST", 4, "variable", "\"KTRDR DB HOST\" is not an environment variable name" },
        { "KTRDR_DB_HOST\tDB_HOST", "KTRDR_DB_HOST\tDB-HOST", 4, "older_name", "\"DB-HOST\" is not an environment variable name" },
        { "\tDatabaseSettings\t", "\t\t", 4, "read_by", "KTRDR_DB_HOST does not say what reads it" },
        { "settings.py:145\t32", "settings.py:145\tlong", 3, "secret", "\"long\" for KTRDR_AUTH_JWT_SECRET is not a minimum length" },
        { "DB_HOST\t\t\tos.environ", "KTRDR_DB_HOST\t\t\tos.environ", 5, "variable", "KTRDR_DB_HOST is listed twice" },
        { "variable\tolder_name", "name\tolder_name", 2, "header", "the header row is" },
        { "# source: github.com/kpiteira/ktrdr at commit 0000000", "# from somewhere", 1, "source", "no '# source:' comment" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void A_bad_row_is_reported_with_file_line_and_field(string from, string to, int line, string field, string message)
    {
        var problems = new List<Diagnostic>();
        AppEnvCatalogFile.Parse("deploy/app/ktrdr-env.tsv", Good.Replace(from, to), problems);
        var d = Assert.Single(problems);
        Assert.Equal(("deploy/app/ktrdr-env.tsv", line, field), (d.File, d.Line, d.Field));
        Assert.Contains(message, d.Message);
        Assert.False(string.IsNullOrEmpty(d.Hint));
    }
}
