/**
 * Postman's dynamic variables (`{{$guid}}`, `{{$randomEmail}}`…): each reference gets a fresh value. The names are
 * the ones postman-collection 5 (newman 6.2.2) knows; values come from @faker-js/faker (English), in the same shape
 * as Postman's where the shape is part of the contract (a 10-digit phone number, a lower-case alphanumeric
 * character, "true"/"false", a Date's text for the date ones). A name outside the list is not a dynamic variable:
 * the reference stays unresolved, as in newman.
 */
import type { Faker } from '@faker-js/faker';
import { randomInt, randomUUID } from 'node:crypto';

let loaded: Faker | undefined;

/** faker is loaded on the first reference to a faker-backed name (most runs use none). */
function faker(): Faker {
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Faker: FakerClass, en, base } = require('@faker-js/faker') as typeof import('@faker-js/faker');
    loaded = new FakerClass({ locale: [en, base] });
  }
  return loaded;
}

type Gen = (f: Faker) => string;

const IMAGE = (category?: string): Gen => () => `http://placeimg.com/640/480${category ? `/${category}` : ''}`;
const COMPANY_SUFFIXES = ['Inc', 'and Sons', 'LLC', 'Group'];

/** Names that need no faker. */
const PLAIN: Readonly<Record<string, () => string>> = {
  $guid: () => randomUUID(),
  $randomUUID: () => randomUUID(),
  $timestamp: () => String(Math.floor(Date.now() / 1000)),
  $isoTimestamp: () => new Date().toISOString(),
  $randomInt: () => String(randomInt(0, 1001)),
  $randomBoolean: () => String(randomInt(0, 2) === 1),
};

const FAKER: Readonly<Record<string, Gen>> = {
  // Phone, locale, words, files
  $randomPhoneNumber: (f) => f.helpers.replaceSymbols('###-###-####'),
  $randomPhoneNumberExt: (f) => f.helpers.replaceSymbols('##-###-###-####'),
  $randomLocale: (f) => f.location.language().alpha2,
  $randomWords: (f) => f.word.words({ count: { min: 1, max: 3 } }),
  $randomFilePath: (f) => f.system.filePath(),
  $randomDirectoryPath: (f) => f.system.directoryPath(),
  // Location
  $randomCity: (f) => f.location.city(),
  $randomStreetName: (f) => f.location.street(),
  $randomStreetAddress: (f) => f.location.streetAddress(),
  $randomCountry: (f) => f.location.country(),
  $randomCountryCode: (f) => f.location.countryCode(),
  $randomLatitude: (f) => String(f.location.latitude()),
  $randomLongitude: (f) => String(f.location.longitude()),
  // Commerce and company
  $randomColor: (f) => f.color.human(),
  $randomDepartment: (f) => f.commerce.department(),
  $randomProductName: (f) => f.commerce.productName(),
  $randomProductAdjective: (f) => f.commerce.productAdjective(),
  $randomProductMaterial: (f) => f.commerce.productMaterial(),
  $randomProduct: (f) => f.commerce.product(),
  $randomCompanyName: (f) => f.company.name(),
  $randomCompanySuffix: (f) => f.helpers.arrayElement(COMPANY_SUFFIXES),
  $randomCatchPhrase: (f) => f.company.catchPhrase(),
  $randomBs: (f) => f.company.buzzPhrase(),
  $randomCatchPhraseAdjective: (f) => f.company.catchPhraseAdjective(),
  $randomCatchPhraseDescriptor: (f) => f.company.catchPhraseDescriptor(),
  $randomCatchPhraseNoun: (f) => f.company.catchPhraseNoun(),
  $randomBsAdjective: (f) => f.company.buzzAdjective(),
  $randomBsBuzz: (f) => f.company.buzzVerb(),
  $randomBsNoun: (f) => f.company.buzzNoun(),
  // Database
  $randomDatabaseColumn: (f) => f.database.column(),
  $randomDatabaseType: (f) => f.database.type(),
  $randomDatabaseCollation: (f) => f.database.collation(),
  $randomDatabaseEngine: (f) => f.database.engine(),
  // Dates (a Date's text, as Postman shows them)
  $randomDatePast: (f) => String(f.date.past()),
  $randomDateFuture: (f) => String(f.date.future()),
  $randomDateRecent: (f) => String(f.date.recent()),
  $randomMonth: (f) => f.date.month(),
  $randomWeekday: (f) => f.date.weekday(),
  // Finance
  $randomBankAccount: (f) => f.finance.accountNumber(8),
  $randomBankAccountName: (f) => f.finance.accountName(),
  $randomCreditCardMask: (f) => f.string.numeric(4),
  $randomPrice: (f) => f.commerce.price(),
  $randomTransactionType: (f) => f.finance.transactionType(),
  $randomCurrencyCode: (f) => f.finance.currencyCode(),
  $randomCurrencyName: (f) => f.finance.currencyName(),
  $randomCurrencySymbol: (f) => f.finance.currencySymbol(),
  $randomBitcoin: (f) => f.finance.bitcoinAddress(),
  $randomBankAccountIban: (f) => f.finance.iban(),
  $randomBankAccountBic: (f) => f.finance.bic(),
  // Hacker phrases
  $randomAbbreviation: (f) => f.hacker.abbreviation(),
  $randomAdjective: (f) => f.hacker.adjective(),
  $randomNoun: (f) => f.hacker.noun(),
  $randomVerb: (f) => f.hacker.verb(),
  $randomIngverb: (f) => f.hacker.ingverb(),
  $randomPhrase: (f) => f.hacker.phrase(),
  // Images (URLs only: nothing is fetched)
  $randomAvatarImage: (f) => f.image.avatar(),
  $randomImageUrl: IMAGE(),
  $randomAbstractImage: IMAGE('abstract'),
  $randomAnimalsImage: IMAGE('animals'),
  $randomBusinessImage: IMAGE('business'),
  $randomCatsImage: IMAGE('cats'),
  $randomCityImage: IMAGE('city'),
  $randomFoodImage: IMAGE('food'),
  $randomNightlifeImage: IMAGE('nightlife'),
  $randomFashionImage: IMAGE('fashion'),
  $randomPeopleImage: IMAGE('people'),
  $randomNatureImage: IMAGE('nature'),
  $randomSportsImage: IMAGE('sports'),
  $randomTransportImage: IMAGE('transport'),
  $randomImageDataUri: (f) => f.image.dataUri({ width: 640, height: 480 }),
  // Internet
  $randomEmail: (f) => f.internet.email(),
  $randomExampleEmail: (f) => f.internet.exampleEmail(),
  $randomUserName: (f) => f.internet.username(),
  $randomProtocol: (f) => f.internet.protocol(),
  $randomUrl: (f) => f.internet.url(),
  $randomDomainName: (f) => f.internet.domainName(),
  $randomDomainSuffix: (f) => f.internet.domainSuffix(),
  $randomDomainWord: (f) => f.internet.domainWord(),
  $randomIP: (f) => f.internet.ipv4(),
  $randomIPV6: (f) => f.internet.ipv6(),
  $randomUserAgent: (f) => f.internet.userAgent(),
  $randomHexColor: (f) => f.color.rgb(),
  $randomMACAddress: (f) => f.internet.mac(),
  $randomPassword: (f) => f.internet.password(),
  // Lorem
  $randomLoremWord: (f) => f.lorem.word(),
  $randomLoremWords: (f) => f.lorem.words(),
  $randomLoremSentence: (f) => f.lorem.sentence(),
  $randomLoremSlug: (f) => f.lorem.slug(),
  $randomLoremSentences: (f) => f.lorem.sentences(),
  $randomLoremParagraph: (f) => f.lorem.paragraph(),
  $randomLoremParagraphs: (f) => f.lorem.paragraphs(),
  $randomLoremText: (f) => f.lorem.text(),
  $randomLoremLines: (f) => f.lorem.lines(),
  // Names and jobs
  $randomFirstName: (f) => f.person.firstName(),
  $randomLastName: (f) => f.person.lastName(),
  $randomFullName: (f) => f.person.fullName(),
  $randomJobTitle: (f) => f.person.jobTitle(),
  $randomNamePrefix: (f) => f.person.prefix(),
  $randomNameSuffix: (f) => f.person.suffix(),
  $randomJobDescriptor: (f) => f.person.jobDescriptor(),
  $randomJobArea: (f) => f.person.jobArea(),
  $randomJobType: (f) => f.person.jobType(),
  // Words, characters, files
  $randomWord: (f) => f.word.sample(),
  $randomAlphaNumeric: (f) => f.string.alphanumeric({ length: 1, casing: 'lower' }),
  $randomFileName: (f) => f.system.fileName(),
  $randomCommonFileName: (f) => f.system.commonFileName(),
  $randomMimeType: (f) => f.system.mimeType(),
  $randomCommonFileType: (f) => f.system.commonFileType(),
  $randomCommonFileExt: (f) => f.system.commonFileExt(),
  $randomFileType: (f) => f.system.fileType(),
  $randomFileExt: (f) => f.system.fileExt(),
  $randomSemver: (f) => f.system.semver(),
};

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Every dynamic variable name the engine resolves. */
export const DYNAMIC_NAMES: readonly string[] = [...Object.keys(PLAIN), ...Object.keys(FAKER)];

/** A fresh value for a dynamic variable, or undefined when `name` is not one. */
export function dynamicValue(name: string): string | undefined {
  if (has(PLAIN, name)) return (PLAIN[name] as () => string)();
  if (!has(FAKER, name)) return undefined;
  try {
    return (FAKER[name] as Gen)(faker());
  } catch {
    // A generator that fails leaves the reference unresolved (and warned about), never breaks the run.
    return undefined;
  }
}
