using Standin.Hosting;

// Entry point of the stand-in: `standin -m uvicorn <module>:app --host <H> --port <P>`.
// Exit codes: 0 after a clean shutdown, 1 when the service fails while starting, 2 for a bad command
// line or environment (the message says which argument or variable, and what was expected).
return await StandinHost.RunAsync(args, StandinEnvironment.FromProcess(), Console.Error);
