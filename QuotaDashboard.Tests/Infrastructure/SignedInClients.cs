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
        var account = BrowserFixture.Demo(role, region);
        await StoredLanguages.ForgetAsync(factory.Services, account.Email);
        var (client, response) = await PostSignInAsync(factory, account.Email, account.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        return client;
    }

    /// <summary>Posts the sign-in form and gives back the status and where it sends the browser, whether the sign-in was taken or not.</summary>
    public static async Task<(HttpStatusCode Status, string? Location)> TrySignInAsync(AppFactory factory, string email, string password)
    {
        var (client, response) = await PostSignInAsync(factory, email, password);
        using (client)
        {
            return (response.StatusCode, response.Headers.Location?.OriginalString);
        }
    }

    private static async Task<(HttpClient Client, HttpResponseMessage Response)> PostSignInAsync(AppFactory factory, string email, string password)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await client.GetStringAsync("/Account/Login");
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        return (client, response);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
