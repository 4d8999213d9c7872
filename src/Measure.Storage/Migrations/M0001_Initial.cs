using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Measure.Storage.Migrations;

/// <summary>
/// The first schema. Hand-written (EF's design-time tooling does not restore here) and provider-neutral:
/// column types come from each provider's default mapping of the CLR type.
/// </summary>
[DbContext(typeof(MeasureDbContext))]
[Migration("20261121000001_Initial")]
public sealed class M0001_Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "devices",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FingerprintHash = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                CpuModel = table.Column<string>(nullable: false),
                BoardModel = table.Column<string>(nullable: true),
                Os = table.Column<string>(nullable: false),
                Architecture = table.Column<string>(nullable: false),
                LogicalCores = table.Column<int>(nullable: false),
                MemoryBytes = table.Column<long>(nullable: false),
                FirstSeenUtc = table.Column<DateTime>(nullable: false),
                LastSeenUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_devices", x => x.Id));
        migrationBuilder.CreateIndex("IX_devices_FingerprintHash", "devices", "FingerprintHash", unique: true);

        migrationBuilder.CreateTable(
            name: "runs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                DeviceId = table.Column<long>(nullable: false),
                SchemaVersion = table.Column<int>(nullable: false),
                SuiteId = table.Column<string>(nullable: false),
                SuiteVersion = table.Column<int>(nullable: false),
                SuiteHash = table.Column<string>(nullable: false),
                AgentVersion = table.Column<string>(nullable: false),
                StartedAtUtc = table.Column<DateTime>(nullable: false),
                FinishedAtUtc = table.Column<DateTime>(nullable: false),
                ReceivedAtUtc = table.Column<DateTime>(nullable: false),
                ReportHash = table.Column<string>(nullable: false),
                DeviceJson = table.Column<string>(nullable: false),
                MetricsJson = table.Column<string>(nullable: false),
                LabelsJson = table.Column<string>(nullable: true),
                FlagsJson = table.Column<string>(nullable: true),
                PhasesJson = table.Column<string>(nullable: true),
                WorkloadCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_runs", x => x.Id);
                table.ForeignKey("FK_runs_devices_DeviceId", x => x.DeviceId, "devices", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_runs_StartedAtUtc_Id", "runs", ["StartedAtUtc", "Id"]);
        migrationBuilder.CreateIndex("IX_runs_DeviceId", "runs", "DeviceId");

        migrationBuilder.CreateTable(
            name: "workload_results",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RunId = table.Column<Guid>(nullable: false),
                Ordinal = table.Column<int>(nullable: false),
                Workload = table.Column<string>(nullable: false),
                Precision = table.Column<string>(nullable: false),
                Isa = table.Column<string>(nullable: false),
                Threads = table.Column<int>(nullable: false),
                ComparabilityKey = table.Column<string>(nullable: false),
                ParametersJson = table.Column<string>(nullable: false),
                ValuesJson = table.Column<string>(nullable: true),
                FlagsJson = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_workload_results", x => x.Id);
                table.ForeignKey("FK_workload_results_runs_RunId", x => x.RunId, "runs", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_workload_results_RunId", "workload_results", "RunId");
        migrationBuilder.CreateIndex("IX_workload_results_ComparabilityKey", "workload_results", "ComparabilityKey");

        migrationBuilder.CreateTable(
            name: "sample_series",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                WorkloadResultId = table.Column<long>(nullable: false),
                Ordinal = table.Column<int>(nullable: false),
                Metric = table.Column<string>(nullable: false),
                Count = table.Column<int>(nullable: false),
                Data = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_sample_series", x => x.Id);
                table.ForeignKey("FK_sample_series_workload_results_WorkloadResultId", x => x.WorkloadResultId, "workload_results", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_sample_series_WorkloadResultId", "sample_series", "WorkloadResultId");

        migrationBuilder.CreateTable(
            name: "sensor_traces",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RunId = table.Column<Guid>(nullable: false),
                Ordinal = table.Column<int>(nullable: false),
                Sensor = table.Column<string>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                Unit = table.Column<string>(nullable: false),
                Source = table.Column<string>(nullable: false),
                Count = table.Column<int>(nullable: false),
                Times = table.Column<byte[]>(nullable: false),
                Values = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_sensor_traces", x => x.Id);
                table.ForeignKey("FK_sensor_traces_runs_RunId", x => x.RunId, "runs", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_sensor_traces_RunId", "sensor_traces", "RunId");

        migrationBuilder.CreateTable(
            name: "api_tokens",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Kind = table.Column<string>(nullable: false),
                Salt = table.Column<byte[]>(nullable: false),
                Hash = table.Column<byte[]>(nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                RevokedAtUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_api_tokens", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "sample_series", "sensor_traces", "workload_results", "runs", "devices", "api_tokens" })
            migrationBuilder.DropTable(table);
    }
}
