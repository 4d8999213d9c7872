using Measure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Measure.Storage;

public sealed class MeasureDbContext(DbContextOptions<MeasureDbContext> options) : DbContext(options)
{
    public DbSet<DeviceEntity> Devices => Set<DeviceEntity>();
    public DbSet<RunEntity> Runs => Set<RunEntity>();
    public DbSet<WorkloadResultEntity> WorkloadResults => Set<WorkloadResultEntity>();
    public DbSet<SampleSeriesEntity> SampleSeries => Set<SampleSeriesEntity>();
    public DbSet<SensorTraceEntity> SensorTraces => Set<SensorTraceEntity>();
    public DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();
    public DbSet<RunLabelEntity> RunLabels => Set<RunLabelEntity>();
    public DbSet<AgentEntity> Agents => Set<AgentEntity>();
    public DbSet<JobEntity> Jobs => Set<JobEntity>();
    public DbSet<ScheduleEntity> Schedules => Set<ScheduleEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DeviceEntity>(e =>
        {
            e.ToTable("devices");
            e.HasIndex(d => d.FingerprintHash).IsUnique();
        });
        modelBuilder.Entity<RunEntity>(e =>
        {
            e.ToTable("runs");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasOne(r => r.Device).WithMany().HasForeignKey(r => r.DeviceId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Workloads).WithOne().HasForeignKey(w => w.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.SensorTraces).WithOne().HasForeignKey(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Labels).WithOne().HasForeignKey(l => l.RunId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(r => new { r.StartedAtUtc, r.Id });
            e.HasIndex(r => r.DeviceId);
            e.HasIndex(r => new { r.DeviceId, r.StartedAtUtc, r.Id });
        });
        modelBuilder.Entity<WorkloadResultEntity>(e =>
        {
            e.ToTable("workload_results");
            e.HasMany(w => w.Samples).WithOne().HasForeignKey(s => s.WorkloadResultId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(w => w.RunId);
            e.HasIndex(w => w.ComparabilityKey);
        });
        modelBuilder.Entity<SampleSeriesEntity>(e =>
        {
            e.ToTable("sample_series");
            e.HasIndex(s => s.WorkloadResultId);
        });
        modelBuilder.Entity<SensorTraceEntity>(e =>
        {
            e.ToTable("sensor_traces");
            e.HasIndex(t => t.RunId);
        });
        modelBuilder.Entity<ApiTokenEntity>(e =>
        {
            e.ToTable("api_tokens");
            e.Property(t => t.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<RunLabelEntity>(e =>
        {
            e.ToTable("run_labels");
            e.HasIndex(l => new { l.Key, l.Value });
            e.HasIndex(l => l.RunId);
        });
        modelBuilder.Entity<AgentEntity>(e =>
        {
            e.ToTable("agents");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.HasOne(a => a.Device).WithMany().HasForeignKey(a => a.DeviceId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(a => a.TokenId).IsUnique();
        });
        modelBuilder.Entity<JobEntity>(e =>
        {
            e.ToTable("jobs");
            e.Property(j => j.Id).ValueGeneratedNever();
            e.HasIndex(j => new { j.State, j.Priority, j.CreatedAtUtc });
        });
        modelBuilder.Entity<ScheduleEntity>(e =>
        {
            e.ToTable("schedules");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.HasIndex(s => s.NextRunUtc);
        });
    }
}
