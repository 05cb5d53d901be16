using System.Runtime.CompilerServices;
using LinkCheck.Core.Extraction;

namespace LinkCheck.Core.Tests.Extraction;

/// <summary>
/// Extraction hands a slugger the heading's source and the next block only when it says it reads them: a slugger that
/// implements either must say so, or its ids would silently come from the plain text.
/// </summary>
public class HeadingSluggerContractTests
{
    public static TheoryData<Type> Sluggers()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(IHeadingSlugger).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(IHeadingSlugger).IsAssignableFrom(t)))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Sluggers))]
    public void Slugger_ThatImplementsTheSourceOrNextBlockOverloads_SaysItReadsThem(Type type)
    {
        var slugger = (IHeadingSlugger)RuntimeHelpers.GetUninitializedObject(type);
        var readsSource = type.GetMethod(nameof(IHeadingSlugger.Next), [typeof(string), typeof(string)]) is { DeclaringType: var declaring } && declaring == type;
        var readsNextBlock = type.GetMethod(nameof(IHeadingSlugger.IdFromNextBlock), [typeof(string)]) is { DeclaringType: var owner } && owner == type;

        Assert.Equal(readsSource, slugger.ReadsHeadingSource);
        Assert.Equal(readsNextBlock, slugger.ReadsNextBlock);
    }

    [Fact]
    public void Sluggers_AreFound() => Assert.True(Sluggers().Count >= 7);
}
