using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Measure.Storage.Migrations;

/// <summary>
/// Per-metric summaries on workload results, so dashboards never decode raw samples to draw a table.
/// Rows stored before this migration get theirs from <see cref="SummaryBackfill"/> at start-up (the
/// quantiles need the decoded samples, which SQL cannot read).
/// </summary>
[DbContext(typeof(MeasureDbContext))]
[Migration("20261121000003_WorkloadSummaries")]
public sealed class M0003_WorkloadSummaries : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("SummaryJson", "workload_results", nullable: true);
        migrationBuilder.CreateIndex("IX_workload_results_ComparabilityKey_RunId", "workload_results", ["ComparabilityKey", "RunId"]);
        migrationBuilder.CreateIndex("IX_runs_SuiteId_StartedAtUtc", "runs", ["SuiteId", "StartedAtUtc"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_runs_SuiteId_StartedAtUtc", "runs");
        migrationBuilder.DropIndex("IX_workload_results_ComparabilityKey_RunId", "workload_results");
        migrationBuilder.DropColumn("SummaryJson", "workload_results");
    }
}
