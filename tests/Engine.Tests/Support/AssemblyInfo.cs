// Runs share process-wide state by design (Serilog's static Log.Logger, SecretMasker), so tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
