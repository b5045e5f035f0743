using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Api.Health;
using Ocop.MarketSync.Api.Security;
using Ocop.MarketSync.Data;

namespace Microsoft.Extensions.DependencyInjection;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers the status API (JSON, OpenAPI, RFC 7807 errors), health checks and staff authentication
    /// (cookie login for the dashboard, HTTP Basic for tools; one set of credentials from <c>Staff</c>).
    /// </summary>
    public static IServiceCollection AddMarketSyncApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Ocop.MarketSync.Api.Registry.RegistryChangeOptions>()
            .Bind(configuration.GetSection(Ocop.MarketSync.Api.Registry.RegistryChangeOptions.SectionName))
            .Validate(o => o.MaxClockSkew > TimeSpan.Zero && o.MaxClockSkew <= TimeSpan.FromHours(1), "Registry:ChangeNotifications:MaxClockSkew must be between 0 and 1 hour.")
            .ValidateOnStart();
        services.AddOptions<Ocop.MarketSync.Api.Dashboard.ConsoleOptions>()
            .Bind(configuration.GetSection(Ocop.MarketSync.Api.Dashboard.ConsoleOptions.SectionName))
            .Validate(o => o.Language is "vi" or "en", "Console:Language must be 'vi' or 'en'.")
            .ValidateOnStart();
        services.AddOptions<StaffOptions>()
            .Bind(configuration.GetSection(StaffOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StaffOptions>, StaffOptionsValidator>());
        services.TryAddSingleton<StaffCredentials>();
        services.AddOptions<LoginLockoutOptions>()
            .Bind(configuration.GetSection(LoginLockoutOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LoginLockoutOptions>, LoginLockoutOptionsValidator>());
        services.TryAddSingleton<LoginThrottle>();

        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Hosting.IStartupFilter, Ocop.MarketSync.Api.Localization.RequestLanguage>());
        services.AddProblemDetails();
        services.AddExceptionHandler<Ocop.MarketSync.Api.Hardening.ApiExceptionHandler>();
        services.AddScoped<Ocop.MarketSync.Api.Hardening.ReplayGuard>();
        services.AddOpenApi(o => o.AddDocumentTransformer<Ocop.MarketSync.Api.Localization.ApiLanguageOpenApi>()
            .AddSchemaTransformer<Ocop.MarketSync.Api.Localization.ApiLanguageOpenApi>());
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Converters.Add(new Ocop.MarketSync.Api.Localization.IssueJsonConverter());
            // Vietnamese text readable in responses, not \u-escaped. Safe: responses are JSON, never HTML.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        services.AddHealthChecks()
            .AddDbContextCheck<MarketSyncDbContext>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<HangfireStorageHealthCheck>("hangfire", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<OpenAlertsHealthCheck>("alerts", failureStatus: HealthStatus.Degraded, tags: [HealthEndpoints.ReadyTag])
            .AddCheck<StalledChannelsHealthCheck>("pushing", failureStatus: HealthStatus.Degraded, tags: [HealthEndpoints.ReadyTag]);
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.SectionName))
            .Validate(o => o.StalledChannelAfter >= TimeSpan.FromMinutes(1), "Health:StalledChannelAfter must be at least 00:01:00.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StalledChannelsHealthCheck.Cache>();
        services.AddAntiforgery();

        services.AddAuthentication(StaffAuthentication.Scheme)
            .AddPolicyScheme(StaffAuthentication.Scheme, "Staff", o => o.ForwardDefaultSelector = StaffAuthentication.SelectScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = StaffAuthentication.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                // API callers get 401/403, not a redirect to an HTML form.
                o.Events.OnRedirectToLogin = ctx => RedirectOrStatus(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => RedirectOrStatus(ctx, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffAuthentication.Policy, p => p.RequireAuthenticatedUser().RequireAssertion(StaffAuthentication.Allows));
        return services;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // A refused form post (a viewer's) gets its status too: redirecting it would turn it into a GET that "works".
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || (status == StatusCodes.Status403Forbidden && !HttpMethods.IsGet(context.Request.Method)))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
