//! A month's figures by funding source (`MonthResult::covered_by_source`,
//! `contributions_by_source`), held in place for up to `IN_PLACE` sources and on the heap
//! beyond. A run makes two of them every month, so almost every scenario (kab/kota start
//! with one or two sources, the presets with up to four) records its months without an
//! allocation. It reads as a slice (`Deref`), compares equal to a `Vec` of the same items,
//! and (de)serialises exactly as a `Vec` does (a JSON array). It knows nothing of sources.
//! It is written here rather than taken from `smallvec`, because the engine depends on std,
//! serde, rust_decimal and thiserror only (see `engine`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;

/// How many items are kept in place.
const IN_PLACE: usize = 4;

/// A short list of figures, one per funding source, in source order.
#[derive(Clone)]
pub struct BySource<T: Copy + Default>(Items<T>);

#[derive(Clone)]
enum Items<T> {
    /// The first `len` items are the list.
    InPlace {
        len: u8,
        items: [T; IN_PLACE],
    },
    Heap(Vec<T>),
}

impl<T: Copy + Default> BySource<T> {
    /// The items of `slice`, in order.
    pub fn from_slice(slice: &[T]) -> Self {
        if slice.len() > IN_PLACE {
            return Self(Items::Heap(slice.to_vec()));
        }
        let mut items = [T::default(); IN_PLACE];
        items[..slice.len()].copy_from_slice(slice);
        Self(Items::InPlace {
            len: slice.len() as u8,
            items,
        })
    }
}

impl<T: Copy + Default> Default for BySource<T> {
    fn default() -> Self {
        Self::from_slice(&[])
    }
}

impl<T: Copy + Default> Deref for BySource<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match &self.0 {
            Items::InPlace { len, items } => &items[..usize::from(*len)],
            Items::Heap(items) => items,
        }
    }
}

impl<T: Copy + Default> FromIterator<T> for BySource<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut iter = iter.into_iter();
        let mut items = [T::default(); IN_PLACE];
        for (len, slot) in items.iter_mut().enumerate() {
            match iter.next() {
                Some(item) => *slot = item,
                None => {
                    return Self(Items::InPlace {
                        len: len as u8,
                        items,
                    })
                }
            }
        }
        match iter.next() {
            None => Self(Items::InPlace {
                len: IN_PLACE as u8,
                items,
            }),
            Some(next) => {
                let mut all = items.to_vec();
                all.push(next);
                all.extend(iter);
                Self(Items::Heap(all))
            }
        }
    }
}

impl<T: Copy + Default> From<Vec<T>> for BySource<T> {
    fn from(items: Vec<T>) -> Self {
        match items.len() {
            0..=IN_PLACE => Self::from_slice(&items),
            _ => Self(Items::Heap(items)),
        }
    }
}

impl<'a, T: Copy + Default> IntoIterator for &'a BySource<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T: Copy + Default + PartialEq> PartialEq for BySource<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: Copy + Default + PartialEq> PartialEq<Vec<T>> for BySource<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        **self == **other
    }
}

impl<T: Copy + Default + fmt::Debug> fmt::Debug for BySource<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: Copy + Default + Serialize> Serialize for BySource<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

impl<'de, T: Copy + Default + Deserialize<'de>> Deserialize<'de> for BySource<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn reads_compares_and_serialises_as_a_vec_in_place_and_on_the_heap() {
        for len in 0..=IN_PLACE + 3 {
            let items: Vec<u64> = (0..len as u64).map(|k| k * 1_000 + 7).collect();
            let made = [
                BySource::from_slice(&items),
                items.iter().copied().collect(),
                BySource::from(items.clone()),
            ];
            let json = serde_json::to_string(&items).unwrap();
            for by in &made {
                assert_eq!(*by, items, "{len}");
                assert_eq!(by.len(), len);
                assert_eq!(by.iter().sum::<u64>(), items.iter().sum::<u64>());
                assert_eq!(format!("{by:?}"), format!("{items:?}"));
                assert_eq!(serde_json::to_string(by).unwrap(), json);
                let back: BySource<u64> = serde_json::from_str(&json).unwrap();
                assert_eq!(back, *by);
            }
            let mut other = items.clone();
            if let Some(first) = other.first_mut() {
                *first += 1;
                assert_ne!(BySource::from_slice(&other), made[0], "{len}");
            }
        }
        let money: BySource<Decimal> = [Decimal::new(15, 1), Decimal::new(150, 2)]
            .into_iter()
            .collect();
        assert_eq!(serde_json::to_string(&money).unwrap(), r#"["1.5","1.50"]"#);
        assert_eq!(BySource::<u64>::default().len(), 0);
    }
}
