namespace Standin.Hosting;

/// <summary>One role of the stand-in: the services it runs and the routes it answers.</summary>
public interface IStandinRole
{
    string Describe();

    void AddServices(IServiceCollection services);

    void MapEndpoints(WebApplication app);
}
