using Site.E2ETests.Infrastructure;

// One site on Kestrel and one Chromium for the whole assembly: starting either takes seconds.
[assembly: AssemblyFixture(typeof(SiteServerFixture))]
