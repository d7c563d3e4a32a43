import type { PersonRef } from '../../../shared/domain/people';

/** A person's initials on their colour (set through CSSOM: the CSP allows no style attribute in markup). */
export function PersonBadge({ person }: { person: PersonRef }) {
  return (
    <span className="person-badge" aria-hidden="true" style={{ backgroundColor: person.colour }}>
      {person.initials}
    </span>
  );
}
