/**
 * The person on the benchmark's page (tests/fixtures/loop/person.html, served from `origin`), as a capture to store
 * with a deal: the popup's benchmark times her popup, and the popup's e2e tests check what it shows of her.
 */
export function benchPersonSave(origin: string) {
  return {
    capture: {
      url: `${origin}/loop/person.html`,
      site: 'web',
      candidates: [
        {
          name: 'Dewi Lestari',
          jobTitle: 'Head of Procurement',
          company: 'Nusantara Logistics',
          emails: ['dewi.lestari@nusantara-logistics.test'],
        },
      ],
    },
    // Her deal's stage and BANT score are what the popup shows first.
    startDeal: true,
  };
}
