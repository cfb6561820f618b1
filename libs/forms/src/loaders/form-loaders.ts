import { Provider } from '@nestjs/common';
import { FormNumber } from '../form-template';
import { Form01Loader } from './form-01.loader';
import { Form02Loader } from './form-02.loader';
import { Form03Loader } from './form-03.loader';
import { Form04Loader } from './form-04.loader';
import { FamilyContactsFormLoader } from './family-contacts-form.loader';
import { FormLoader } from './form-loader';
import { PlanFormLoader } from './plan-form.loader';

// Each form's loader, by number: the one place a new form joins.
export const FORM_LOADERS = Symbol('FORM_LOADERS');

export const formLoaderProviders: Provider[] = [
  Form01Loader,
  Form02Loader,
  Form03Loader,
  Form04Loader,
  PlanFormLoader,
  FamilyContactsFormLoader,
  {
    provide: FORM_LOADERS,
    inject: [Form01Loader, Form02Loader, Form03Loader, Form04Loader, PlanFormLoader, FamilyContactsFormLoader],
    useFactory: (...loaders: FormLoader[]): Record<FormNumber, FormLoader> => ({
      '01': loaders[0],
      '02': loaders[1],
      '03': loaders[2],
      '04': loaders[3],
      'ke-hoach': loaders[4],
      'lien-he-gia-dinh': loaders[5],
    }),
  },
];
