# Container image of the Ocop.MarketSync worker. How to run it: deploy/README.md.
#
# Cross-architecture builds (docker buildx build --platform linux/amd64,linux/arm64 .): the SDK stage runs on
# the build machine's own platform and compiles for TARGETARCH, so nothing is compiled under emulation.
# The SDK image must satisfy global.json (SDK 10.0.400 or a later feature band).

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /source

# Restore in its own layer: it is rebuilt only when a build file or a project file changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig Ocop.MarketSync.sln ./
COPY src/Ocop.MarketSync.Worker/Ocop.MarketSync.Worker.csproj src/Ocop.MarketSync.Worker/
COPY src/Ocop.MarketSync.Api/Ocop.MarketSync.Api.csproj src/Ocop.MarketSync.Api/
COPY src/Ocop.MarketSync.Sync/Ocop.MarketSync.Sync.csproj src/Ocop.MarketSync.Sync/
COPY src/Ocop.MarketSync.Registry/Ocop.MarketSync.Registry.csproj src/Ocop.MarketSync.Registry/
COPY src/Ocop.MarketSync.Data/Ocop.MarketSync.Data.csproj src/Ocop.MarketSync.Data/
COPY src/Ocop.MarketSync.Data.Postgres/Ocop.MarketSync.Data.Postgres.csproj src/Ocop.MarketSync.Data.Postgres/
COPY src/Ocop.MarketSync.Data.Sqlite/Ocop.MarketSync.Data.Sqlite.csproj src/Ocop.MarketSync.Data.Sqlite/
COPY src/Ocop.MarketSync.Sandbox/Ocop.MarketSync.Sandbox.csproj src/Ocop.MarketSync.Sandbox/
COPY src/Ocop.MarketSync.Marketplaces.Sandbox/Ocop.MarketSync.Marketplaces.Sandbox.csproj src/Ocop.MarketSync.Marketplaces.Sandbox/
# -a takes Docker's arch names (amd64, arm64) and restores for linux-<arch>; publish must use the same value.
RUN dotnet restore src/Ocop.MarketSync.Worker/Ocop.MarketSync.Worker.csproj -a $TARGETARCH

COPY src/ src/
RUN dotnet publish src/Ocop.MarketSync.Worker/Ocop.MarketSync.Worker.csproj \
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
