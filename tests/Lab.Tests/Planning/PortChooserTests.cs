using Ktrdr.Deploy.Lab.Planning;

namespace Ktrdr.Deploy.Lab.Tests.Planning;

public sealed class PortChooserTests
{
    [Fact]
    public void The_same_id_gets_the_same_port_in_the_lab_range()
    {
        var port = PortChooser.Choose("abc123", _ => true);
        Assert.InRange(port, 15000, 15999);
        Assert.Equal(port, PortChooser.Choose("abc123", _ => true));
    }

    [Fact]
    public void A_busy_port_is_skipped()
    {
        var preferred = PortChooser.Choose("abc123", _ => true);
        Assert.NotEqual(preferred, PortChooser.Choose("abc123", p => p != preferred));
    }

    [Fact]
    public void A_given_port_that_is_busy_or_out_of_range_is_refused()
    {
        Assert.Contains("already listens", Assert.Throws<LabException>(() => PortChooser.Check(15001, _ => false)).Message);
        Assert.Contains("between 1024 and 65535", Assert.Throws<LabException>(() => PortChooser.Check(80, _ => true)).Message);
        Assert.Equal(15001, PortChooser.Check(15001, _ => true));
    }
}
