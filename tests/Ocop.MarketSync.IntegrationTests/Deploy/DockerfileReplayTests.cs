using System.Runtime.InteropServices;

namespace Ocop.MarketSync.IntegrationTests.Deploy;

/// <summary>
/// The Dockerfile's build stage works without a container engine (none on our machines, and base images cannot be
/// pulled): it is parsed, its COPY steps bring exactly the files Docker would send, and its RUN steps (the real
/// <c>dotnet restore</c> and <c>dotnet publish</c>) run on them. A project or file the Dockerfile leaves out fails here.
/// </summary>
public sealed class DockerfileReplayTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("ocop-docker-replay-").FullName;

    /// <summary>Docker's names for the platform's architecture (TARGETARCH), not .NET's (x64 is amd64).</summary>
    public static string DockerArchitecture => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm",
        var other => throw new PlatformNotSupportedException($"No Docker platform for {other}."),
    };

    public static IReadOnlyDictionary<string, string> PlatformArgs => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TARGETARCH"] = DockerArchitecture,
        ["TARGETOS"] = "linux",
        ["TARGETPLATFORM"] = $"linux/{DockerArchitecture}",
        ["BUILDARCH"] = DockerArchitecture,
        ["BUILDOS"] = "linux",
        ["BUILDPLATFORM"] = $"linux/{DockerArchitecture}",
    };

    [Fact]
    public async Task BuildStages_ReplayedFromTheDockerfile_PublishEveryProjectAndTheEntryPoint()
    {
        var root = RepositoryRoot.Path;
        var stages = DockerfileModel.Parse(await File.ReadAllTextAsync(Path.Combine(root, "Dockerfile"), TestContext.Current.CancellationToken));
        var final = stages[^1];
        var copiesFromStages = final.Instructions.Where(i => i.Keyword == "COPY" && i.Flags.ContainsKey("from")).ToList();
        Assert.NotEmpty(copiesFromStages);
        var replay = new DockerfileReplay(root, _scratch, PlatformArgs);

        // Every COPY of the context in every stage (also the runtime stage's config/) names something that is there.
        Assert.All(stages.SelectMany(s => s.Instructions).Where(i => i.Keyword == "COPY" && !i.Flags.ContainsKey("from")),
            copy => Assert.All(copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1),
                source => Assert.True(replay.Resolve(source).Count > 0, $"Line {copy.Line}: COPY {source} finds nothing in the build context.")));

        var built = stages.Single(s => s.Name == copiesFromStages[0].Flags["from"]);
        try
        {
            await replay.ReplayAsync(built, TimeSpan.FromMinutes(15), TestContext.Current.CancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            Assert.Fail($"{ex.Message}{Environment.NewLine}{Tail(replay.Output.ToString())}");
        }

        // .dockerignore kept local build output and the tests out of the image's sources.
        Assert.DoesNotContain(replay.CopiedFiles, f => f.Contains("/bin/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal)
            || f.Contains("/tests/", StringComparison.Ordinal));

        // What the runtime stage takes from the build stage holds the entry point and one assembly per src project.
        var published = replay.Map(copiesFromStages[0].Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        var entryPoint = final.Instructions.Last(i => i.Keyword == "ENTRYPOINT").ExecForm!;
        Assert.True(File.Exists(Path.Combine(published, entryPoint[^1])), $"{entryPoint[^1]} is not in the published output {published}.");
        var projects = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.Equal(15, projects.Count);
        Assert.All(projects, p => Assert.True(File.Exists(Path.Combine(published, p + ".dll")), $"{p}.dll is missing from the image."));
    }

    [Fact]
    public async Task Replay_OfACopyOfAMissingProject_FailsNamingTheLine()
    {
        const string dockerfile = """
            FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            WORKDIR /source
            COPY global.json ./
            COPY src/Ocop.MarketSync.NoSuchAdapter/Ocop.MarketSync.NoSuchAdapter.csproj src/Ocop.MarketSync.NoSuchAdapter/
            RUN --mount=type=cache,target=/root/.nuget/packages false
            """;
        var replay = new DockerfileReplay(RepositoryRoot.Path, _scratch, PlatformArgs);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => replay.ReplayAsync(DockerfileModel.Parse(dockerfile)[0], TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));

        Assert.Contains("Line 4: COPY src/Ocop.MarketSync.NoSuchAdapter/", error.Message, StringComparison.Ordinal);
        Assert.Contains("/source/global.json", replay.CopiedFiles);
    }

    [Fact]
    public async Task Replay_RunsTheCommandWithArgsAndWithoutItsBuildKitOptions_AndAFailingRunFails()
    {
        const string dockerfile = """
            FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
            ARG TARGETARCH
            ARG FLAVOUR=plain
            WORKDIR /source
            RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
                echo "$TARGETARCH $FLAVOUR" > /out.txt
            RUN exit 3
            """;
        var replay = new DockerfileReplay(RepositoryRoot.Path, _scratch, PlatformArgs);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => replay.ReplayAsync(DockerfileModel.Parse(dockerfile)[0], TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken));

        Assert.Equal($"{DockerArchitecture} plain", (await File.ReadAllTextAsync(replay.Map("/out.txt"), TestContext.Current.CancellationToken)).Trim());
        Assert.Contains("Line 7: RUN exited with 3", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static string Tail(string output) => string.Join(Environment.NewLine, output.Split('\n').TakeLast(60));
}
