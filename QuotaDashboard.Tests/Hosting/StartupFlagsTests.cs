using Microsoft.Extensions.Configuration;
using QuotaDashboard.Hosting;

namespace QuotaDashboard.Tests.Hosting;

public sealed class StartupFlagsTests
{
    [Fact]
    public void The_no_illustrative_data_flag_switches_the_illustrative_seed_off()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("Seed:IllustrativeData", "true")]);

        configuration.AddStartupFlags(["--urls", "http://127.0.0.1:0", HostingExtensions.NoIllustrativeDataFlag]);

        Assert.Equal("false", configuration["Seed:IllustrativeData"]);
    }

    [Fact]
    public void Without_the_flag_the_configured_setting_stands()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("Seed:IllustrativeData", "true")]);

        configuration.AddStartupFlags(["--urls", "http://127.0.0.1:0"]);

        Assert.Equal("true", configuration["Seed:IllustrativeData"]);
    }
}
