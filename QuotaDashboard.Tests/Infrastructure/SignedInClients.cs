using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>HTTP clients that sign in through the sign-in form, as a browser would, and keep the cookie.</summary>
public static partial class SignedInClients
{
    /// <summary>Posts the sign-in form with the demonstration account of the role; redirects are left for the test to read.</summary>
    public static async Task<HttpClient> SignedInClientAsync(this AppFactory factory, string role, string? region = null)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var account = BrowserFixture.Demo(role, region);
        await StoredLanguages.ForgetAsync(factory.Services, account.Email);
        var form = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
