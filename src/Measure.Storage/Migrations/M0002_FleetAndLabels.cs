using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Measure.Storage.Migrations;

/// <summary>
/// Fleet and queue: agents, jobs, schedules, enrollment columns on tokens, and run labels as rows (copied
/// from the runs' label JSON, so runs stored under the first schema can be found by label too).
/// </summary>
[DbContext(typeof(MeasureDbContext))]
[Migration("20261121000002_FleetAndLabels")]
public sealed class M0002_FleetAndLabels : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>("ExpiresAtUtc", "api_tokens", nullable: true);
        migrationBuilder.AddColumn<DateTime>("UsedAtUtc", "api_tokens", nullable: true);
        migrationBuilder.AddColumn<Guid>("AgentId", "api_tokens", nullable: true);
        migrationBuilder.AddColumn<string>("TagsJson", "api_tokens", nullable: true);
        migrationBuilder.AddColumn<Guid>("UploadedByAgentId", "runs", nullable: true);

        migrationBuilder.CreateTable(
            name: "run_labels",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Annotation("Sqlite:Autoincrement", true).Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RunId = table.Column<Guid>(nullable: false),
                Key = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_run_labels", x => x.Id);
                table.ForeignKey("FK_run_labels_runs_RunId", x => x.RunId, "runs", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_run_labels_Key_Value", "run_labels", ["Key", "Value"]);
        migrationBuilder.CreateIndex("IX_run_labels_RunId", "run_labels", "RunId");

        migrationBuilder.CreateTable(
            name: "agents",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false),
                TokenId = table.Column<string>(nullable: false),
                DeviceId = table.Column<long>(nullable: true),
                TagsJson = table.Column<string>(nullable: false),
                FingerprintJson = table.Column<string>(nullable: true),
                State = table.Column<string>(nullable: false),
                OutboxPending = table.Column<int>(nullable: false),
                EnrolledAtUtc = table.Column<DateTime>(nullable: false),
                LastHeartbeatUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_agents", x => x.Id);
                table.ForeignKey("FK_agents_devices_DeviceId", x => x.DeviceId, "devices", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_agents_TokenId", "agents", "TokenId", unique: true);
        migrationBuilder.CreateIndex("IX_agents_DeviceId", "agents", "DeviceId");

        migrationBuilder.CreateTable(
            name: "jobs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SuiteYaml = table.Column<string>(nullable: false),
                SuiteId = table.Column<string>(nullable: false),
                SelectorTagsJson = table.Column<string>(nullable: false),
                SelectorAgentId = table.Column<Guid>(nullable: true),
                Priority = table.Column<int>(nullable: false),
                LabelsJson = table.Column<string>(nullable: true),
                State = table.Column<string>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                MaxAttempts = table.Column<int>(nullable: false),
                LeaseId = table.Column<Guid>(nullable: true),
                LeasedByAgentId = table.Column<Guid>(nullable: true),
                LeaseExpiresUtc = table.Column<DateTime>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
                FinishedAtUtc = table.Column<DateTime>(nullable: true),
                RunId = table.Column<Guid>(nullable: true),
                LastError = table.Column<string>(nullable: true),
                ScheduleId = table.Column<Guid>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_jobs", x => x.Id));
        migrationBuilder.CreateIndex("IX_jobs_State_Priority_CreatedAtUtc", "jobs", ["State", "Priority", "CreatedAtUtc"]);

        migrationBuilder.CreateTable(
            name: "schedules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(nullable: false),
                SuiteYaml = table.Column<string>(nullable: false),
                SelectorTagsJson = table.Column<string>(nullable: false),
                EveryMatchingAgent = table.Column<bool>(nullable: false),
                Priority = table.Column<int>(nullable: false),
                LabelsJson = table.Column<string>(nullable: true),
                IntervalMinutes = table.Column<int>(nullable: false),
                NextRunUtc = table.Column<DateTime>(nullable: false),
                Enabled = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_schedules", x => x.Id));
        migrationBuilder.CreateIndex("IX_schedules_NextRunUtc", "schedules", "NextRunUtc");

        // Labels of runs stored before this migration, from their JSON.
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""
                INSERT INTO run_labels ("RunId", "Key", "Value")
                SELECT r."Id", l.key, l.value FROM runs r, json_each_text(r."LabelsJson"::json) l WHERE r."LabelsJson" IS NOT NULL;
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                INSERT INTO run_labels ("RunId", "Key", "Value")
                SELECT r."Id", l.key, l.value FROM runs r, json_each(r."LabelsJson") l WHERE r."LabelsJson" IS NOT NULL;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "run_labels", "agents", "jobs", "schedules" })
            migrationBuilder.DropTable(table);
        foreach (var column in new[] { "ExpiresAtUtc", "UsedAtUtc", "AgentId", "TagsJson" })
            migrationBuilder.DropColumn(column, "api_tokens");
        migrationBuilder.DropColumn("UploadedByAgentId", "runs");
    }
}
