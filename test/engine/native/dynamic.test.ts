import { expect } from 'chai';
import { dynamicValue } from '../../../src/engine/native/dynamic';
import { Resolver, VariableStore } from '../../../src/engine/native/variables';

describe('native engine: dynamic variables', () => {
  const scopes = () => ({ globals: new VariableStore(), collection: new VariableStore(), environment: new VariableStore(), local: new VariableStore() });

  it('gives the built-in names their Postman shapes', () => {
    expect(dynamicValue('$guid')).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(dynamicValue('$timestamp')).to.match(/^\d{10}$/);
    expect(dynamicValue('$isoTimestamp')).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Number(dynamicValue('$randomInt'))).to.be.within(0, 1000);
  });

  it("resolves the faker-based $random* names from Postman's own table, a fresh value each time", () => {
    expect(dynamicValue('$randomEmail')).to.match(/^\S+@\S+\.\S+$/);
    expect(dynamicValue('$randomBoolean')).to.be.oneOf(['true', 'false']);
    expect(dynamicValue('$randomFirstName')).to.match(/^\S+/);
    expect(dynamicValue('$randomAlphaNumeric')).to.match(/^[a-z0-9]$/i);
    expect(dynamicValue('$randomIP')).to.match(/^\d+\.\d+\.\d+\.\d+$/);
    const many = new Set(Array.from({ length: 20 }, () => dynamicValue('$randomUUID')));
    expect(many.size).to.equal(20);
  });

  it('leaves unknown names and names without $ unresolved (sent as written, as newman does)', () => {
    expect(dynamicValue('$noSuchThing')).to.equal(undefined);
    expect(dynamicValue('randomEmail')).to.equal(undefined);
    const text = new Resolver(scopes()).resolve('{{$randomEmail}}|{{$noSuchThing}}');
    expect(text).to.match(/^\S+@\S+\|\{\{\$noSuchThing\}\}$/);
  });

  it('a variable of the same name wins over the dynamic one', () => {
    const s = scopes();
    s.environment.set('$randomEmail', 'fixed@example.com');
    expect(new Resolver(s).resolve('{{$randomEmail}}')).to.equal('fixed@example.com');
  });
});
