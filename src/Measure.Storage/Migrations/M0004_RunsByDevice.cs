using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Measure.Storage.Migrations;

/// <summary>Newest runs of one device without scanning the others' (device-filtered dashboards and lists).</summary>
[DbContext(typeof(MeasureDbContext))]
[Migration("20261121000004_RunsByDevice")]
public sealed class M0004_RunsByDevice : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_runs_DeviceId_StartedAtUtc_Id", "runs", ["DeviceId", "StartedAtUtc", "Id"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_runs_DeviceId_StartedAtUtc_Id", "runs");
}
