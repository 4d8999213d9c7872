# Measure server: ASP.NET Core on .NET 10, SQLite by default (volume /data) or PostgreSQL by configuration.
# Build from the repository root:  docker build -f docker/server.Dockerfile -t measure-server .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && dotnet publish src/Measure.Server -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# Debian's SQLite is newer than the one bundled with SQLitePCLRaw 2.0.6 (see DEPENDENCIES.md).
RUN apt-get update && apt-get install -y --no-install-recommends libsqlite3-0 curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
RUN useradd --system --uid 10001 measure && mkdir -p /data && chown measure /data
USER measure
VOLUME /data
ENV Urls=http://0.0.0.0:8080 \
    Storage__DataDirectory=/data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD curl -fsS http://127.0.0.1:8080/ready || exit 1
ENTRYPOINT ["dotnet", "measure-server.dll"]
