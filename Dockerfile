# Container image of the Ocop.MarketSync worker. How to run it: deploy/README.md.
#
# Cross-architecture builds (docker buildx build --platform linux/amd64,linux/arm64 .): the SDK stage runs on
# the build machine's own platform and compiles for TARGETARCH, so nothing is compiled under emulation.
# The SDK image must satisfy global.json (SDK 10.0.400 or a later feature band).

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /source

# Every source, then one restore and publish. The restore is not a layer of its own (copying the project files one
# by one was how three adapters once went missing from it): instead NuGet's package folder is a BuildKit cache
# mount, kept between builds, so a restore after a source change only checks what is already there. The cache is
# mounted in this one RUN only, which is why restore and publish share it. The build files come first so that the
# root files (SDK, package versions, analyzers) are all present; .dockerignore keeps bin/, obj/ and tests/ out.
# tests/Ocop.MarketSync.IntegrationTests/Deploy/DockerfileReplayTests.cs replays these steps without an engine.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
# -a takes Docker's arch names (amd64, arm64): the SDK maps amd64 to x64 and restores for linux-<arch>; publish uses
# the same value and --no-restore, so a project the restore did not see fails the build instead of restoring late.
RUN --mount=type=cache,id=ocop-marketsync-nuget,target=/root/.nuget/packages \
    dotnet restore src/Ocop.MarketSync.Worker/Ocop.MarketSync.Worker.csproj -a $TARGETARCH \
    && dotnet publish src/Ocop.MarketSync.Worker/Ocop.MarketSync.Worker.csproj \
        -c Release -a $TARGETARCH --no-restore -o /app


FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Configuration overlays without secrets (config/README.md). Copied here rather than into the build stage so
# that editing an overlay does not invalidate the publish layer. Mount a directory on /app/config to replace them.
COPY config/ ./config/

ENV ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_ENVIRONMENT=Production \
    Urls=http://0.0.0.0:8080
# The base image sets ASPNETCORE_HTTP_PORTS=8080; Urls decides instead, and clearing it avoids the
# "Overriding HTTP_PORTS" warning at every start.
ENV ASPNETCORE_HTTP_PORTS=

EXPOSE 8080
# APP_UID is the non-root "app" user defined by the official .NET images.
USER $APP_UID

# The image has no curl: the service's own sub-command GETs http://127.0.0.1:8080/health/live and exits 0 or 1.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "Ocop.MarketSync.Worker.dll", "healthcheck"]

ENTRYPOINT ["dotnet", "Ocop.MarketSync.Worker.dll"]
