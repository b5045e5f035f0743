namespace Ocop.MarketSync.IntegrationTests.Deploy;

/// <summary>The checkout the tests were built from: the first folder above the test binaries that holds the Dockerfile and global.json.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Dockerfile")) && File.Exists(System.IO.Path.Combine(directory.FullName, "global.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (Dockerfile and global.json) above {AppContext.BaseDirectory}.");
    }
}
