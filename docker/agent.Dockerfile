# measure-agent as a container image (multi-arch: linux/amd64, linux/arm64).
# The agent is portable IL, so it is built once on the build platform and runs on any architecture
# that has the .NET 10 runtime; only the runtime base image differs per platform.
#   docker buildx build -f docker/agent.Dockerfile --platform linux/amd64,linux/arm64 -t measure-agent .
# Sensors live in the host's /sys and /proc: run with them mounted read-only, e.g.
#   docker run --rm -v measure-agent-state:/var/lib/measure-agent -v /sys:/sys:ro \
#     measure-agent enroll --server https://measure.example --token ENROLLMENT_TOKEN --tag lab-a
#   docker run -d --restart unless-stopped -v measure-agent-state:/var/lib/measure-agent -v /sys:/sys:ro measure-agent serve
# (RAPL energy_uj is root-only since Linux 5.10; Pi vcgencmd needs --device /dev/vcio.)

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Measure.Contracts/ src/Measure.Contracts/
COPY src/Measure.Statistics/ src/Measure.Statistics/
COPY agents/ agents/
RUN dotnet publish agents/Measure.Agent/Measure.Agent.csproj -c Release --no-self-contained -p:UseAppHost=false -o /out

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
RUN groupadd --system measure && useradd --system --gid measure --home-dir /var/lib/measure-agent measure \
    && mkdir -p /var/lib/measure-agent && chown measure:measure /var/lib/measure-agent && chmod 0700 /var/lib/measure-agent
WORKDIR /opt/measure-agent
COPY --from=build /out/ ./
COPY suites/ /opt/measure-agent/suites/
ENV MEASURE_AGENT_STATE_DIR=/var/lib/measure-agent \
    DOTNET_gcServer=0 \
    DOTNET_TieredPGO=1
VOLUME /var/lib/measure-agent
USER measure
ENTRYPOINT ["dotnet", "/opt/measure-agent/measure-agent.dll"]
CMD ["serve"]
