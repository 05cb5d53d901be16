# The linkcheck GitHub Action: a trimmed, self-contained, ReadyToRun build on a chiseled base.
# Build stage: the .NET SDK image (restore needs the network: build with --network host where that matters).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/LinkCheck.Core/LinkCheck.Core.csproj src/LinkCheck.Core/
COPY src/LinkCheck.Cli/LinkCheck.Cli.csproj src/LinkCheck.Cli/
RUN dotnet restore src/LinkCheck.Cli/LinkCheck.Cli.csproj -r linux-x64 -p:PublishReadyToRun=true -p:PublishTrimmed=true
COPY src/ src/
RUN dotnet publish src/LinkCheck.Cli/LinkCheck.Cli.csproj -c Release -r linux-x64 --no-restore -o /app \
      -p:SelfContained=true -p:PublishTrimmed=true -p:PublishReadyToRun=true -p:ContainerBuild=true

# Runtime stage: runtime-deps only (the app is self-contained), chiseled: no shell, no package manager.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled
COPY --from=build /app /app
# GitHub runs Docker actions as root (and mounts the workspace owned by the runner); chiseled images default
# to the non-root 'app' user. No WORKDIR: GitHub sets the working directory to the workspace.
USER root
ENTRYPOINT ["/app/linkcheck"]
