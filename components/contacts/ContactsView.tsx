import { ContactDetail } from '@/components/contact-detail/ContactDetail';
import type { ViewProps } from '@/components/view-props';
import { ContactsTable } from './ContactsTable';
import { TrashList } from './TrashList';

/** options.html#contacts: the table; #contacts?id=<id> one contact (the popup links there); #contacts?trash=1. */
export function ContactsView(props: ViewProps) {
  const id = props.params.get('id');
  if (id) return <ContactDetail key={id} contactId={id} settings={props.settings} />;
  if (props.params.get('trash') === '1') return <TrashList {...props} />;
  return <ContactsTable {...props} />;
}
