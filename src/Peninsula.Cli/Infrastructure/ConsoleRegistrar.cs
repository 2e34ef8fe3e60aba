using Spectre.Console;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Infrastructure;

/// <summary>Minimal type registrar so commands receive the injected console (tests capture output).</summary>
public sealed class ConsoleRegistrar(IAnsiConsole console) : ITypeRegistrar
{
    private readonly Dictionary<Type, Func<object>> _factories = new() { [typeof(IAnsiConsole)] = () => console };

    public ITypeResolver Build() => new Resolver(_factories);

    public void Register(Type service, Type implementation) => _factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory) => _factories[service] = factory;

    private object Create(Type type)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => _factories.TryGetValue(p.ParameterType, out var f) ? f() : null).ToArray();
        return ctor.Invoke(args);
    }

    private sealed class Resolver(Dictionary<Type, Func<object>> factories) : ITypeResolver
    {
        public object? Resolve(Type? type)
        {
            if (type is null) return null;
            if (factories.TryGetValue(type, out var f)) return f();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                return Array.CreateInstance(type.GetGenericArguments()[0], 0);
            if (type.IsInterface || type.IsAbstract) return null;
            var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
            if (ctor is null) return Activator.CreateInstance(type);
            var args = ctor.GetParameters().Select(p => factories.TryGetValue(p.ParameterType, out var g) ? g() : null).ToArray();
            return ctor.Invoke(args);
        }
    }
}
