using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Measure.Storage.Migrations;

/// <summary>
/// Enrollment tokens that enroll up to N agents (a lab host's phones). Tokens issued before stay single use:
/// the ones already used count one use.
/// </summary>
[DbContext(typeof(MeasureDbContext))]
[Migration("20261121000005_MultiUseEnrollment")]
public sealed class M0005_MultiUseEnrollment : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>("MaxUses", "api_tokens", nullable: false, defaultValue: 1);
        migrationBuilder.AddColumn<int>("UseCount", "api_tokens", nullable: false, defaultValue: 0);
        migrationBuilder.Sql("""UPDATE api_tokens SET "UseCount" = 1 WHERE "UsedAtUtc" IS NOT NULL""");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("UseCount", "api_tokens");
        migrationBuilder.DropColumn("MaxUses", "api_tokens");
    }
}
